package cn.timebank.ingestion.verify;

/** What {@link PackageVerifier#verify} made of a package: {@link Verified} or {@link Rejected}. */
public sealed interface VerificationResult permits Verified, Rejected {

  default boolean isVerified() {
    return this instanceof Verified;
  }
}
