package cn.timebank.standards.hours.provider;

import java.util.Comparator;

/**
 * Strings compared by Unicode code point, as spec §3.4 orders bank codes and refs. Java's {@link
 * String#compareTo} compares UTF-16 units instead, which puts a supplementary character (U+10000
 * and above, stored as a surrogate pair starting at U+D800) before U+E000-U+FFFF; here it comes
 * after them, where its code point belongs.
 */
public final class CodePointOrder implements Comparator<String> {

  /** The one instance. */
  public static final Comparator<String> INSTANCE = new CodePointOrder();

  private CodePointOrder() {}

  @Override
  public int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }
}
