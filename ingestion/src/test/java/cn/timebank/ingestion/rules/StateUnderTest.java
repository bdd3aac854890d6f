package cn.timebank.ingestion.rules;

import cn.timebank.standards.minutes.StandardMinutes;
import cn.timebank.standards.model.BankCode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;

/**
 * A {@link LedgerState} under test with what the scenario tests inspect besides the interface: both
 * {@link InMemoryLedgerState} and the database state have these methods.
 */
interface StateUnderTest extends LedgerState {

  List<Posting> postings();

  Map<BankCode, Map<Account, StandardMinutes>> balances();

  List<TransferItem> transfers();

  List<CreditedService> creditedServices();

  /** {@code target}'s public methods of the same names, behind this interface. */
  static StateUnderTest of(Object target) {
    return (StateUnderTest)
        Proxy.newProxyInstance(
            StateUnderTest.class.getClassLoader(),
            new Class<?>[] {StateUnderTest.class},
            (proxy, method, args) -> {
              if (method.getDeclaringClass() == Object.class) {
                return method.invoke(target, args);
              }
              Method own =
                  target.getClass().getMethod(method.getName(), method.getParameterTypes());
              try {
                return own.invoke(target, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
