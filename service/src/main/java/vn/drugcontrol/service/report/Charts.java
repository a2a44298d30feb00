package vn.drugcontrol.service.report;

import java.awt.Color;
import java.awt.Paint;
import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.service.province.PeriodRuns.PeriodRun;

/**
 * The charts: a run's class distribution and a province's classes over the periods, drawn
 * with the bundled Unicode font, written as PNG or SVG.
 */
final class Charts {

	static final int WIDTH = 800;

	static final int HEIGHT = 450;

	private static final List<Classification> CLASSES = List.of(Classification.TYPE_I, Classification.TYPE_II,
			Classification.TYPE_III, Classification.DRUG_FREE, Classification.UNCLASSIFIED);

	private static final Paint[] COLOURS = { new Color(0xC0392B), new Color(0xE67E22), new Color(0xF1C40F),
			new Color(0x27AE60), new Color(0x7F8C8D) };

	private Charts() {
	}

	/** Communes per class in one run. */
	static JFreeChart classes(String provinceName, int period, PeriodRun run) {
		DefaultCategoryDataset data = new DefaultCategoryDataset();
		for (Classification k : CLASSES) {
			if (k != Classification.UNCLASSIFIED || run.count(k) > 0) {
				data.addValue(run.count(k), "Số đơn vị", k.labelVi());
			}
		}
		JFreeChart chart = ChartFactory.createBarChart(
				"Phân loại địa bàn — " + provinceName + ", kỳ " + period + " (" + run.communeCount() + " đơn vị)",
				"Phân loại", "Số đơn vị cấp xã", data, PlotOrientation.VERTICAL, false, false, false);
		theme().apply(chart);
		CategoryPlot plot = chart.getCategoryPlot();
		BarRenderer renderer = new BarRenderer() {
			@Override
			public Paint getItemPaint(int row, int column) {
				return COLOURS[Math.min(column, COLOURS.length - 1)];
			}
		};
		renderer.setBarPainter(new StandardBarPainter());
		renderer.setShadowVisible(false);
		renderer.setDefaultItemLabelsVisible(true);
		renderer.setDefaultItemLabelGenerator(new org.jfree.chart.labels.StandardCategoryItemLabelGenerator());
		renderer.setDefaultItemLabelFont(ReportFonts.awt(true, 14f));
		plot.setRenderer(renderer);
		plot.getRangeAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
		return chart;
	}

	/** Communes per class, period by period. */
	static JFreeChart trend(String provinceName, List<PeriodRun> periods) {
		DefaultCategoryDataset data = new DefaultCategoryDataset();
		for (PeriodRun run : periods) {
			for (Classification k : CLASSES) {
				if (k != Classification.UNCLASSIFIED) {
					data.addValue(run.count(k), k.labelVi(), String.valueOf(run.period()));
				}
			}
		}
		JFreeChart chart = ChartFactory.createLineChart("Diễn biến phân loại theo kỳ — " + provinceName, "Kỳ đánh giá",
				"Số đơn vị cấp xã", data, PlotOrientation.VERTICAL, true, false, false);
		theme().apply(chart);
		CategoryPlot plot = chart.getCategoryPlot();
		LineAndShapeRenderer renderer = new LineAndShapeRenderer(true, true);
		for (int i = 0; i < 4; i++) {
			renderer.setSeriesPaint(i, COLOURS[i]);
			renderer.setSeriesStroke(i, new java.awt.BasicStroke(3f));
		}
		plot.setRenderer(renderer);
		plot.getRangeAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
		return chart;
	}

	static byte[] png(JFreeChart chart) {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String svg(JFreeChart chart) {
		SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
		chart.draw(g, new Rectangle(WIDTH, HEIGHT));
		return g.getSVGDocument();
	}

	private static StandardChartTheme theme() {
		StandardChartTheme theme = new StandardChartTheme("vi");
		theme.setExtraLargeFont(ReportFonts.awt(true, 18f));
		theme.setLargeFont(ReportFonts.awt(true, 14f));
		theme.setRegularFont(ReportFonts.awt(false, 12f));
		theme.setSmallFont(ReportFonts.awt(false, 10f));
		theme.setPlotBackgroundPaint(Color.WHITE);
		theme.setRangeGridlinePaint(new Color(0xBDC3C7));
		theme.setChartBackgroundPaint(Color.WHITE);
		return theme;
	}

}
