import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;

/**
 * Draws the app icon (the installer's, the menu entry's): the network Lin -> ReLU -> Lin as three
 * columns of nodes under a magnifying lens, with the backward pass as an orange arrow.
 * Run: java scripts/MakeIcon.java src/packaging/backprop-lens.png
 */
public class MakeIcon {
    public static void main(String[] args) throws Exception {
        int n = 256;
        BufferedImage img = new BufferedImage(n, n, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);

        g.setColor(new Color(0x1d3557));
        g.fill(new RoundRectangle2D.Double(8, 8, n - 16, n - 16, 56, 56));

        double[][] layers = {{70, 110, 150, 190}, {90, 130, 170}, {130}};
        double[] xs = {56, 128, 200};
        g.setStroke(new BasicStroke(3f));
        g.setColor(new Color(0x8ecae6));
        for (int l = 0; l + 1 < layers.length; l++)
            for (double y0 : layers[l])
                for (double y1 : layers[l + 1])
                    g.draw(new Line2D.Double(xs[l], y0, xs[l + 1], y1));
        for (int l = 0; l < layers.length; l++)
            for (double y : layers[l]) {
                g.setColor(Color.WHITE);
                g.fill(new Ellipse2D.Double(xs[l] - 11, y - 11, 22, 22));
                g.setColor(new Color(0x219ebc));
                g.setStroke(new BasicStroke(4f));
                g.draw(new Ellipse2D.Double(xs[l] - 11, y - 11, 22, 22));
            }

        // The backward pass: from the loss back to the input, under the graph.
        g.setColor(new Color(0xfb8500));
        g.setStroke(new BasicStroke(9f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(200, 218, 76, 218));
        Path2D head = new Path2D.Double();
        head.moveTo(52, 218);
        head.lineTo(80, 202);
        head.lineTo(80, 234);
        head.closePath();
        g.fill(head);

        // The lens over the middle layer.
        g.setColor(new Color(255, 255, 255, 60));
        g.fill(new Ellipse2D.Double(92, 76, 72, 72));
        g.setColor(new Color(0xffb703));
        g.setStroke(new BasicStroke(8f));
        g.draw(new Ellipse2D.Double(92, 76, 72, 72));
        g.setStroke(new BasicStroke(12f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(154, 138, 184, 168));
        g.dispose();

        File out = new File(args.length > 0 ? args[0] : "backprop-lens.png");
        ImageIO.write(img, "png", out);
        System.out.println(out);
    }
}
