package id.padan.deliver;

/**
 * What the two kinds of masked reviewer cell share: their text, already masked when made (see {@link ReviewText}
 * and {@link MaskedNik}, the only kinds), and equality by kind and text.
 */
public abstract sealed class MaskedText implements ReviewCell permits ReviewText, MaskedNik {
    private final String text;

    MaskedText(String text) {
        this.text = text;
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }

    /** The masked text, as written into a reviewer's file. */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((MaskedText) o).text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
