package io.learnstream.app.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** PNG plots of an evaluation, drawn with XChart (headless). */
public final class Plots {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 560;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Plots() {}

    /** A ROC curve with the chance diagonal. */
    public static void roc(Path png, String title, List<Curves.RocPoint> points, double auc) throws IOException {
        XYChart chart = square(title, "false positive rate", "true positive rate");
        XYSeries curve = chart.addSeries(String.format(java.util.Locale.ROOT, "ROC (AUC %.4f)", auc),
                points.stream().mapToDouble(Curves.RocPoint::falsePositiveRate).toArray(),
                points.stream().mapToDouble(Curves.RocPoint::truePositiveRate).toArray());
        curve.setMarker(SeriesMarkers.NONE);
        diagonal(chart, "chance");
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    /** Observed rate against mean prediction per bin, with the line of perfect calibration. */
    public static void calibration(Path png, String title, List<Curves.CalibrationBin> bins) throws IOException {
        calibration(png, title, bins, "mean predicted P(correct)", "observed rate correct");
    }

    /** The same, with the axes named for what is predicted. */
    public static void calibration(Path png, String title, List<Curves.CalibrationBin> bins, String predicted, String observedRate) throws IOException {
        XYChart chart = square(title, predicted, observedRate);
        XYSeries observed = chart.addSeries("bins of 0.1",
                bins.stream().mapToDouble(Curves.CalibrationBin::meanPredicted).toArray(),
                bins.stream().mapToDouble(Curves.CalibrationBin::observed).toArray());
        observed.setMarker(SeriesMarkers.CIRCLE);
        diagonal(chart, "perfectly calibrated");
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    /** Lines of y against x, one per named series (x and y aligned), the y axis from {@code yMin} to 1. */
    public static void lines(Path png, String title, String x, String y, Map<String, double[][]> series, double yMin) throws IOException {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(x).yAxisTitle(y).build();
        chart.getStyler().setYAxisMin(yMin).setYAxisMax(1.0);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        series.forEach((name, xy) -> chart.addSeries(name, xy[0], xy[1]).setMarker(SeriesMarkers.CIRCLE));
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    /** Grouped bars: one bar per category for each named series of values (aligned with the categories), from 0 to 1. */
    public static void bars(Path png, String title, String y, List<String> categories, Map<String, List<Double>> series) throws IOException {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).yAxisTitle(y).build();
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        series.forEach((name, values) -> chart.addSeries(name, categories, values));
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static XYChart square(String title, String x, String y) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(x).yAxisTitle(y).build();
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        return chart;
    }

    private static void diagonal(XYChart chart, String name) {
        XYSeries line = chart.addSeries(name, new double[] {0, 1}, new double[] {0, 1});
        line.setMarker(SeriesMarkers.NONE);
        line.setLineStyle(new java.awt.BasicStroke(1f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
        line.setLineColor(java.awt.Color.GRAY);
    }
}
