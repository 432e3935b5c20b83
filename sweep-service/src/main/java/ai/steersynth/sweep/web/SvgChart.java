package ai.steersynth.sweep.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small hand-written SVG chart: a plot area with linear x and y scales, grid, ticks and axis
 * titles, onto which points, lines, whiskers and reference lines are drawn in data coordinates.
 * Every text goes through {@link Html#escape}.
 */
final class SvgChart {

    private static final int LEFT = 64;
    private static final int RIGHT = 112;
    private static final int TOP = 54;

    private final int width;
    private final int height;
    private final int bottom;
    private final double xMin;
    private final double xMax;
    private final double yMin;
    private final double yMax;
    private final StringBuilder body = new StringBuilder();
    private final List<String[]> legend = new ArrayList<>();

    /**
     * @param bottom margin below the plot area (room for rotated category labels)
     */
    SvgChart(int width, int height, int bottom, double xMin, double xMax, double yMin, double yMax) {
        this.width = width;
        this.height = height;
        this.bottom = bottom;
        double xPad = xMax == xMin ? 0.5 : 0;
        double yPad = yMax == yMin ? 0.05 : 0;
        this.xMin = xMin - xPad;
        this.xMax = xMax + xPad;
        this.yMin = yMin - yPad;
        this.yMax = yMax + yPad;
    }

    double x(double v) {
        return LEFT + (v - xMin) / (xMax - xMin) * (width - LEFT - RIGHT);
    }

    double y(double v) {
        return TOP + (yMax - v) / (yMax - yMin) * (height - TOP - bottom);
    }

    /** Horizontal grid lines and labels at "nice" y ticks. */
    SvgChart yAxis(String title) {
        for (double t : ticks(yMin, yMax, 5)) {
            body.append(line(LEFT, y(t), width - RIGHT, y(t), "#e3e6ea", 1, null));
            body.append(text(LEFT - 6, y(t) + 4, format(t), "end", 11, "#555"));
        }
        body.append(
                "<text x=\"14\" y=\"%s\" font-size=\"12\" fill=\"#333\" text-anchor=\"middle\" transform=\"rotate(-90 14 %s)\">%s</text>\n"
                        .formatted(
                                n((TOP + height - bottom) / 2.0),
                                n((TOP + height - bottom) / 2.0),
                                Html.escape(title)));
        return this;
    }

    /** Vertical grid lines and labels at "nice" x ticks. */
    SvgChart xAxis(String title) {
        for (double t : ticks(xMin, xMax, 6)) {
            body.append(line(x(t), TOP, x(t), height - bottom, "#eef0f2", 1, null));
            body.append(text(x(t), height - bottom + 16, format(t), "middle", 11, "#555"));
        }
        body.append(text((LEFT + width - RIGHT) / 2.0, height - 8, title, "middle", 12, "#333"));
        return this;
    }

    /** A category label under x, rotated so long labels fit. */
    SvgChart category(double at, String label) {
        double px = x(at);
        double py = height - bottom + 12;
        body.append(
                "<text x=\"%s\" y=\"%s\" font-size=\"10\" fill=\"#444\" text-anchor=\"end\" transform=\"rotate(-40 %s %s)\">%s</text>\n"
                        .formatted(n(px), n(py), n(px), n(py), Html.escape(label)));
        return this;
    }

    /** A dashed horizontal reference line across the plot area, labelled at its right end. */
    SvgChart referenceLine(double value, String color, String label) {
        if (value < yMin || value > yMax) {
            return this;
        }
        body.append(line(LEFT, y(value), width - RIGHT, y(value), color, 1.5, "6 4"));
        body.append(text(width - RIGHT + 4, y(value) + 4, label, "start", 11, color));
        return this;
    }

    /** A vertical whisker from low to high at x. */
    SvgChart whisker(double at, double low, double high, String color) {
        double px = x(at);
        body.append(line(px, y(low), px, y(high), color, 1.5, null));
        body.append(line(px - 4, y(low), px + 4, y(low), color, 1.5, null));
        body.append(line(px - 4, y(high), px + 4, y(high), color, 1.5, null));
        return this;
    }

    /** A dot with a hover title. */
    SvgChart point(double at, double value, String color, String title) {
        body.append(
                "<circle cx=\"%s\" cy=\"%s\" r=\"4.5\" fill=\"%s\" stroke=\"#fff\" stroke-width=\"1\"><title>%s</title></circle>\n"
                        .formatted(n(x(at)), n(y(value)), color, Html.escape(title)));
        return this;
    }

    /** A polyline through the points (x, y pairs), optionally dashed. */
    SvgChart polyline(double[] xs, double[] ys, String color, String dash) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < xs.length; i++) {
            points.append(n(x(xs[i]))).append(',').append(n(y(ys[i]))).append(' ');
        }
        body.append("<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s/>\n"
                .formatted(points.toString().strip(), color, dash == null ? "" : " stroke-dasharray=\"" + dash + "\""));
        return this;
    }

    /** Adds a legend entry; the legend is one row under the title, clear of the reference-line labels. */
    SvgChart legend(String color, String label) {
        legend.add(new String[] {color, label});
        return this;
    }

    /** The finished {@code <svg>} element with a title and an accessible label. */
    String render(String title) {
        StringBuilder svg = new StringBuilder();
        svg.append(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">\n"
                        .formatted(width, height, width, height, Html.escape(title)));
        svg.append("<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#fff\"/>\n".formatted(width, height));
        svg.append(text(LEFT, 20, title, "start", 14, "#222").replace("<text ", "<text font-weight=\"600\" "));
        svg.append(body);
        svg.append(line(LEFT, height - bottom, width - RIGHT, height - bottom, "#888", 1, null));
        svg.append(line(LEFT, TOP, LEFT, height - bottom, "#888", 1, null));
        double lx = LEFT;
        for (String[] entry : legend) {
            svg.append("<rect x=\"%s\" y=\"31\" width=\"12\" height=\"12\" fill=\"%s\"/>\n".formatted(n(lx), entry[0]));
            svg.append(text(lx + 17, 41.5, entry[1], "start", 11, "#333"));
            lx += 34 + 6.5 * entry[1].length();
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** About {@code count} round tick values covering [min, max]. */
    static List<Double> ticks(double min, double max, int count) {
        double span = max - min;
        double raw = span / count;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude;
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            step = m * magnitude;
            if (span / step <= count) {
                break;
            }
        }
        List<Double> ticks = new ArrayList<>();
        for (double t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) {
            ticks.add(Math.abs(t) < step * 1e-9 ? 0.0 : t);
        }
        return ticks;
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return String.valueOf((long) v);
        }
        String s = String.format(Locale.ROOT, "%.3f", v);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private static String line(double x1, double y1, double x2, double y2, String color, double w, String dash) {
        return "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\" stroke-width=\"%s\"%s/>\n"
                .formatted(
                        n(x1),
                        n(y1),
                        n(x2),
                        n(y2),
                        color,
                        n(w),
                        dash == null ? "" : " stroke-dasharray=\"" + dash + "\"");
    }

    private static String text(double x, double y, String text, String anchor, int size, String color) {
        return "<text x=\"%s\" y=\"%s\" font-size=\"%d\" fill=\"%s\" text-anchor=\"%s\">%s</text>\n"
                .formatted(n(x), n(y), size, color, anchor, Html.escape(text));
    }

    private static String n(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
