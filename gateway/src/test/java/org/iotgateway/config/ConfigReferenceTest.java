package org.iotgateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iotgateway.docs.GeneratedRegions;
import org.iotgateway.docs.MarkdownFiles;
import org.junit.jupiter.api.Test;

/**
 * Keeps the config reference in the Markdown pages in step with the code: every region
 * {@link ConfigReference} generates is in exactly one page, and its committed text is what the
 * records generate now. With {@code -Dschema.update=true} it rewrites the regions instead, and
 * gives a driver that has none yet a section at the end of drivers/README.md.
 */
class ConfigReferenceTest {
    private static final String HOW = "The key tables are generated from the config records, their @param Javadoc "
            + "and their constructors by gateway/src/test/java/org/iotgateway/config/ConfigReference.java. "
            + "Regenerate them (and the schema) with:\n  " + ConfigSchema.REGENERATE
            + "\nand commit the pages. scripts/README.md (\"Config keys\") tells how to write the Javadoc.";

    @Test
    void theCommittedReferenceIsWhatTheRecordsGenerate() {
        boolean update = Boolean.getBoolean("schema.update");
        Map<String, Path> pages = regionPages();
        if (update) {
            addMissingDriverSections(pages);
            pages = regionPages();
        }
        List<String> missing = new ArrayList<>(ConfigReference.names());
        missing.removeAll(pages.keySet());
        assertThat(missing).as("generated regions no page has; add '" + GeneratedRegions.begin("NAME").strip()
                + "' and '" + GeneratedRegions.end("NAME") + "' where each belongs (a driver's under its section in "
                + ConfigReference.DRIVERS_PAGE + "). " + HOW).isEmpty();
        List<String> stale = new ArrayList<>();
        for (Path page : new java.util.TreeSet<>(pages.values())) {
            String text = MarkdownFiles.read(page);
            ConfigReference reference = new ConfigReference(pages, page);
            String generated = GeneratedRegions.replace(text, reference::render);
            if (update && !generated.equals(text)) {
                MarkdownFiles.write(page, generated);
                System.err.println("wrote " + page);
            } else if (!generated.equals(text)) {
                GeneratedRegions.read(text).forEach((name, body) -> {
                    if (!body.equals(reference.render(name))) {
                        stale.add(name + " in " + page + firstDifference(body, reference.render(name)));
                    }
                });
            }
        }
        if (!stale.isEmpty()) {
            fail("The config reference is stale:\n  " + String.join("\n  ", stale) + "\n" + HOW);
        }
    }

    /** Region name to its page, failing on a region in two pages or one the generator does not know. */
    private static Map<String, Path> regionPages() {
        Map<String, Path> pages = new LinkedHashMap<>();
        for (Path page : MarkdownFiles.all()) {
            for (String name : GeneratedRegions.read(MarkdownFiles.read(page)).keySet()) {
                assertThat(ConfigReference.names()).as("generated region '" + name + "' in " + page + " is not one "
                        + "ConfigReference makes (a driver that left the catalog?)").contains(name);
                Path other = pages.put(name, page);
                assertThat(other).as("generated region '" + name + "' is in " + other + " and " + page).isNull();
            }
        }
        return pages;
    }

    private static void addMissingDriverSections(Map<String, Path> pages) {
        StringBuilder added = new StringBuilder();
        for (String driver : org.iotgateway.driver.DriverCatalog.names()) {
            String name = ConfigReference.driverRegion(driver);
            if (!pages.containsKey(name)) {
                added.append("\n## Driver `").append(driver).append("`\n\n")
                        .append(GeneratedRegions.region(name, "")).append('\n');
            }
        }
        if (added.length() > 0) {
            String text = MarkdownFiles.read(ConfigReference.DRIVERS_PAGE);
            MarkdownFiles.write(ConfigReference.DRIVERS_PAGE, text + added);
            System.err.println("added sections to " + ConfigReference.DRIVERS_PAGE + ":" + added);
        }
    }

    private static String firstDifference(String committed, String generated) {
        String[] a = committed.split("\n", -1);
        String[] b = generated.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "(nothing)";
            String y = i < b.length ? b[i] : "(nothing)";
            if (!x.equals(y)) {
                return ", first difference in its line " + (i + 1) + ":\n    committed: " + x + "\n    generated: " + y;
            }
        }
        return "";
    }
}
