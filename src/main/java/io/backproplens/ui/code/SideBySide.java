package io.backproplens.ui.code;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The notebook's Python classes and the engine's Java classes cut into members ({@code forward},
 * {@code bwd}, ...) and paired, so the class reads each method of the notebook beside the Java that
 * does the same. Plain text in, rows out: no JavaFX here, so the pairing is tested on its own.
 */
final class SideBySide {
    /** The five classes of the notebook's last cell, in its order. */
    static final List<String> CLASSES = List.of("Module", "Relu", "Lin", "Mse", "Model");

    /** One member: its Python lines (empty when Java has no counterpart) beside its Java lines. */
    record Row(String member, String python, String java) {}

    private static final Pattern PY_CLASS = Pattern.compile("^class (\\w+)");
    private static final Pattern PY_DEF = Pattern.compile("^ {4}def\\s+(\\w+)");
    private static final Pattern JAVA_NAME = Pattern.compile("(\\w+)\\s*\\(");

    private SideBySide() {}

    /** The members of every class in the notebook's cell, class by class. */
    static Map<String, Map<String, String>> python(String cell) {
        Map<String, Map<String, String>> classes = new LinkedHashMap<>();
        Map<String, String> members = null;
        String member = null;
        for (String line : cell.split("\n")) {
            if (line.isBlank()) continue;
            Matcher c = PY_CLASS.matcher(line), d = PY_DEF.matcher(line);
            if (c.find()) {
                members = new LinkedHashMap<>();
                classes.put(c.group(1), members);
                member = "class";
            } else if (d.find()) {
                member = d.group(1);
            }
            if (members != null) members.merge(member, dedent(line), (a, b) -> a + "\n" + b);
        }
        return classes;
    }

    /**
     * The members of one Java class as students should read it: no package, imports, Javadoc or
     * annotations; each method keyed by its Python name ({@code call} is {@code __call__}, the
     * constructor {@code __init__}), fields together under {@code fields}.
     */
    static Map<String, String> java(String className, String source) {
        Map<String, String> members = new LinkedHashMap<>();
        String member = null;
        StringBuilder pendingComment = new StringBuilder();
        boolean inJavadoc = false;
        for (String line : source.split("\n")) {
            String t = line.strip();
            if (inJavadoc) { inJavadoc = !t.endsWith("*/"); continue; }
            if (t.startsWith("/**")) { inJavadoc = !t.endsWith("*/"); continue; }
            if (t.isEmpty() || t.startsWith("package ") || t.startsWith("import ") || t.startsWith("@")) continue;
            if (line.startsWith("}")) break;  // the class's closing brace: the rest is not the lesson
            boolean top = !line.startsWith(" ");
            boolean memberStart = line.startsWith("    ") && !line.startsWith("     ") && !t.startsWith("}");
            if (top) {
                member = "class";
            } else if (memberStart && t.startsWith("//")) {
                pendingComment.append(dedent(line)).append('\n');
                continue;
            } else if (memberStart) {
                member = memberName(className, t);
            }
            if (member == null) continue;
            String text = pendingComment + dedent(line);
            pendingComment.setLength(0);
            members.merge(member, text, (a, b) -> a + "\n" + b);
        }
        return members;
    }

    /** Members lose the class's indentation: on a projector every column counts. */
    private static String dedent(String line) { return line.startsWith("    ") ? line.substring(4) : line; }

    private static String memberName(String className, String declaration) {
        int paren = declaration.indexOf('(');
        int assign = declaration.indexOf('=');
        boolean field = declaration.endsWith(";") && (paren < 0 || assign >= 0 && assign < paren);
        if (field) return "fields";
        if (declaration.contains(" class ")) return declaration.replaceAll(".*class (\\w+).*", "$1");
        Matcher m = JAVA_NAME.matcher(declaration);
        String name = m.find() ? m.group(1) : declaration;
        if (name.equals(className)) return "__init__";
        return name.equals("call") ? "__call__" : name;
    }

    /** The rows of one class: the notebook's members in its order, then what only Java has. */
    static List<Row> rows(Map<String, String> python, Map<String, String> java) {
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, String> p : python.entrySet()) {
            rows.add(new Row(p.getKey(), p.getValue(), java.getOrDefault(p.getKey(), "")));
        }
        for (Map.Entry<String, String> j : java.entrySet()) {
            if (!python.containsKey(j.getKey())) rows.add(new Row(j.getKey(), "", j.getValue()));
        }
        return rows;
    }

    /** A text from the class path: the notebook's cell, or the engine source the build copies there. */
    static String resource(String path) {
        try (InputStream in = SideBySide.class.getResourceAsStream(path)) {
            if (in == null) return "// " + path + " is not in this build";
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "// could not read " + path + ": " + e.getMessage();
        }
    }
}
