package org.iotgateway.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every relative link in every Markdown file of the repository leads somewhere: to a file or
 * directory inside the repository, and where it names an anchor in a Markdown page, to a heading
 * of that page as GitHub ids it ({@link Markdown#slug}) or an explicit {@code <a id>}. Links with a
 * scheme (https:, mailto:) are left alone: checking them needs the network.
 */
class MarkdownLinksTest {
    private final Map<Path, Set<String>> anchors = new HashMap<>();

    @Test
    void everyRelativeLinkLeadsToAFileAndAnchorThatExist() {
        List<Path> pages = MarkdownFiles.all();
        assertThat(pages).contains(Path.of("README.md"), Path.of("config/README.md"));
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path page : pages) {
            for (Markdown.Link link : Markdown.links(MarkdownFiles.read(page))) {
                String problem = problem(page, link.target());
                if (problem != null) {
                    broken.add(page + ":" + link.line() + ": " + link.target() + ": " + problem);
                }
                checked++;
            }
        }
        assertThat(broken).as("broken links").isEmpty();
        assertThat(checked).as("links checked").isGreaterThan(50);
    }

    /** Why the link leads nowhere, or null. */
    private String problem(Path page, String target) {
        if (target.matches("[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
            return null;
        }
        if (target.isEmpty()) {
            return "empty link";
        }
        String path = URLDecoder.decode(target.replace("+", "%2B"), StandardCharsets.UTF_8);
        String fragment = null;
        int hash = path.indexOf('#');
        if (hash >= 0) {
            fragment = path.substring(hash + 1);
            path = path.substring(0, hash);
        }
        if (path.startsWith("/")) {
            return "an absolute path: GitHub and a clone read it differently; link relative to this page";
        }
        Path parent = page.getParent() == null ? Path.of("") : page.getParent();
        Path resolved = path.isEmpty() ? page : parent.resolve(path).normalize();
        if (resolved.startsWith("..")) {
            return "outside the repository: a clone does not have it";
        }
        Path file = MarkdownFiles.REPO.resolve(resolved);
        if (!Files.exists(file)) {
            return "no such file";
        }
        if (fragment == null || !resolved.toString().endsWith(".md")) {
            return null;
        }
        Set<String> ids = anchors.computeIfAbsent(resolved, p -> Markdown.anchors(MarkdownFiles.read(p)));
        return ids.contains(fragment) ? null : "no heading with the anchor #" + fragment + " in " + resolved;
    }

    @Test
    void anchorsAreGitHubs() {
        assertThat(Markdown.slug("Watching the topics: `tail`")).isEqualTo("watching-the-topics-tail");
        assertThat(Markdown.slug("validate's warnings")).isEqualTo("validates-warnings");
        assertThat(Markdown.slug("Upgrade, rollback, uninstall")).isEqualTo("upgrade-rollback-uninstall");
        assertThat(Markdown.slug("Way 1: flash an image")).isEqualTo("way-1-flash-an-image");
        assertThat(Markdown.slug("Driver `gpio-input`")).isEqualTo("driver-gpio-input");
        assertThat(Markdown.slug("µg/m³ and PM2.5")).isEqualTo("µgm-and-pm25");
        assertThat(Markdown.slug("[Drivers](drivers/README.md) & more")).isEqualTo("drivers--more");
        assertThat(Markdown.anchors("# A\n## A\n```\n# not a heading\n```\n### A\n<a id=\"x\"></a>\n"))
                .containsExactly("a", "a-1", "a-2", "x");
    }
}
