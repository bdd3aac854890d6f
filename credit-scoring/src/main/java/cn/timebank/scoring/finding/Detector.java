package cn.timebank.scoring.finding;

import cn.timebank.standards.model.Period;
import java.util.List;

/** Finds the anomalies of one code in a period. */
interface Detector {

  FindingCode code();

  List<Finding> detect(Period period, FindingRules rules);
}
