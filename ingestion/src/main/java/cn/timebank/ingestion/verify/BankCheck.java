package cn.timebank.ingestion.verify;

import cn.timebank.standards.codes.ResultCode;
import cn.timebank.standards.registry.BankRegistryEntry;

/** P003: the bank is in the registry and ACTIVE. */
final class BankCheck {

  private BankCheck() {}

  static BankRegistryEntry activeBank(Registry registry, Manifest manifest) throws Rejection {
    BankRegistryEntry bank =
        registry
            .find(manifest.bankCode())
            .orElseThrow(
                () ->
                    new Rejection(
                        Rejected.atField(
                            ResultCode.P003,
                            PackageNames.MANIFEST,
                            "bank_code",
                            "bank " + manifest.bankCode() + " is not in the registry")));
    if (!bank.status().acceptsPackages()) {
      throw new Rejection(
          Rejected.atField(
              ResultCode.P003,
              PackageNames.MANIFEST,
              "bank_code",
              "bank " + manifest.bankCode() + " is " + bank.status()));
    }
    return bank;
  }
}
