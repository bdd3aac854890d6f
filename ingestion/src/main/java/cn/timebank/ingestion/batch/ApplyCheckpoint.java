package cn.timebank.ingestion.batch;

/**
 * Called at the end of each chunk of the apply step, inside its transaction, before the commit:
 * whatever it throws rolls the chunk back and fails the job. Production has none; tests use it to
 * fail a job half-way and prove that a re-run applies every record exactly once.
 */
@FunctionalInterface
public interface ApplyCheckpoint {

  /**
   * @param packageId the package being applied
   * @param chunk the number of this chunk in this execution, from 1
   */
  void chunkWritten(String packageId, int chunk);
}
