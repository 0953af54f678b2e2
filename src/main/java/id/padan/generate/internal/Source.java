package id.padan.generate.internal;

/** The four extracts, with the file-name prefix of each. */
enum Source {
    DUKCAPIL("dukcapil"),
    PKH("pkh"),
    PBI_JKN("pbi"),
    KIP("kip");

    final String filePrefix;

    Source(String filePrefix) {
        this.filePrefix = filePrefix;
    }
}
