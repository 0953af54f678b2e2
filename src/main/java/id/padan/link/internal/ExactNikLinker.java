package id.padan.link.internal;

import id.padan.link.Linker;
import id.padan.link.RowLink;
import id.padan.standardise.StagedRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The baseline: a program row whose cleaned, valid NIK is a registry NIK links to that registry row; nothing else links. */
public final class ExactNikLinker implements Linker {
    private final String registrySource;

    public ExactNikLinker(String registrySource) {
        this.registrySource = registrySource;
    }

    @Override
    public List<RowLink> link(List<StagedRow> rows) {
        Map<String, StagedRow> registry = new HashMap<>();
        for (StagedRow r : rows) {
            if (r.source().equals(registrySource) && r.nik() != null) registry.put(r.nik(), r);
        }
        List<RowLink> links = new ArrayList<>();
        for (StagedRow r : rows) {
            if (r.source().equals(registrySource) || !r.hasValidNik()) continue;
            StagedRow target = registry.get(r.nik());
            if (target != null) {
                links.add(new RowLink(r.source(), r.recordKey(), target.source(), target.recordKey(), "EXACT_NIK", 1.0, null));
            }
        }
        return links;
    }
}
