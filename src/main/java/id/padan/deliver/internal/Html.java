package id.padan.deliver.internal;

/** HTML text of a review output: masked ({@link NikMask}) and escaped. */
final class Html {
    private Html() {}

    static String h(String s) {
        if (s == null) return "";
        String m = NikMask.mask(s);
        StringBuilder sb = new StringBuilder(m.length() + 8);
        for (int i = 0; i < m.length(); i++) {
            char c = m.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
