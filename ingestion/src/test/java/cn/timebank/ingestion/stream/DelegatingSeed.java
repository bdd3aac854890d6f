package cn.timebank.ingestion.stream;

import cn.timebank.ingestion.rules.Effects;
import cn.timebank.ingestion.rules.StateSeed;
import java.util.List;
import java.util.function.Consumer;

/** A seed that answers as another does; the seeding tests override what they make slow or fail. */
class DelegatingSeed implements StateSeed {

  private final StateSeed to;

  DelegatingSeed(StateSeed to) {
    this.to = to;
  }

  @Override
  public List<String> packages() {
    return to.packages();
  }

  @Override
  public void everything(Consumer<Effects> parts) {
    to.everything(parts);
  }

  @Override
  public void ofPackage(String packageId, Consumer<Effects> parts) {
    to.ofPackage(packageId, parts);
  }

  @Override
  public void appliedEvents(Consumer<List<AppliedEvent>> parts) {
    to.appliedEvents(parts);
  }
}
