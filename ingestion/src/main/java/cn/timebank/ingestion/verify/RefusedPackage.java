package cn.timebank.ingestion.verify;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/** A package that could not be opened safely: it has nothing to read, only its refusal. */
record RefusedPackage(Delivery delivery, Rejected rejected) implements OpenedPackage {

  @Override
  public Optional<Rejected> refusal() {
    return Optional.of(rejected);
  }

  @Override
  public SortedSet<String> fileNames() {
    return Collections.unmodifiableSortedSet(new TreeSet<>());
  }

  @Override
  public InputStream open(String name) throws IOException {
    throw new IOException("the package was refused on opening: " + rejected.message());
  }

  @Override
  public void close() {}
}
