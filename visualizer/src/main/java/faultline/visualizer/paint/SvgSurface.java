package faultline.visualizer.paint;

import java.util.Locale;

/**
 * Writes what painters draw as an SVG document: groups keep the painters' names as {@code class}
 * attributes and their hover text as {@code <title>}, so that the file can be checked and styled.
 */
public final class SvgSurface implements Surface {
  private final StringBuilder body = new StringBuilder();
  private final double widthPx;
  private final double heightPx;
  private int clips;
  private int openClips;

  public SvgSurface(double widthPx, double heightPx) {
    this.widthPx = widthPx;
    this.heightPx = heightPx;
  }

  @Override
  public void begin(String kind, String title) {
    body.append("<g class=\"").append(escape(kind)).append("\">");
    if (title != null) {
      body.append("<title>").append(escape(title)).append("</title>");
    }
    body.append('\n');
  }

  @Override
  public void end() {
    body.append("</g>\n");
  }

  @Override
  public void fillRect(double x, double y, double width, double height, Rgb fill) {
    body.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"%s/>%n",
            x,
            y,
            width,
            height,
            paint("fill", fill)));
  }

  @Override
  public void strokeRect(
      double x, double y, double width, double height, Rgb stroke, double lineWidth) {
    body.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"none\"%s stroke-width=\"%.1f\"/>%n",
            x,
            y,
            width,
            height,
            paint("stroke", stroke),
            lineWidth));
  }

  @Override
  public void line(
      double x1, double y1, double x2, double y2, Rgb stroke, double lineWidth, boolean dashed) {
    body.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"%s stroke-width=\"%.1f\"%s/>%n",
            x1,
            y1,
            x2,
            y2,
            paint("stroke", stroke),
            lineWidth,
            dashed ? " stroke-dasharray=\"5 3\"" : ""));
  }

  @Override
  public void polyline(double[] xs, double[] ys, int count, Rgb stroke, double lineWidth) {
    body.append("<polyline points=\"").append(points(xs, ys, count)).append('"');
    body.append(
        String.format(
            Locale.ROOT,
            " fill=\"none\"%s stroke-width=\"%.1f\"/>%n",
            paint("stroke", stroke),
            lineWidth));
  }

  @Override
  public void polygon(double[] xs, double[] ys, Rgb fill) {
    body.append("<polygon points=\"")
        .append(points(xs, ys, xs.length))
        .append('"')
        .append(paint("fill", fill))
        .append("/>\n");
  }

  @Override
  public void circle(double centreX, double centreY, double radius, Rgb fill, Rgb stroke) {
    body.append(
        String.format(
            Locale.ROOT,
            "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\"%s%s/>%n",
            centreX,
            centreY,
            radius,
            fill == null ? " fill=\"none\"" : paint("fill", fill),
            stroke == null ? "" : paint("stroke", stroke)));
  }

  @Override
  public void text(
      double x, double y, String text, double size, Rgb fill, boolean bold, Anchor anchor) {
    body.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.1f\"%s%s text-anchor=\"%s\">%s</text>%n",
            x,
            y,
            size,
            bold ? " font-weight=\"bold\"" : "",
            paint("fill", fill),
            switch (anchor) {
              case START -> "start";
              case MIDDLE -> "middle";
              case END -> "end";
            },
            escape(text)));
  }

  @Override
  public void clip(double x, double y, double width, double height) {
    clips++;
    body.append(
        String.format(
            Locale.ROOT,
            "<clipPath id=\"clip%d\"><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/></clipPath>%n"
                + "<g clip-path=\"url(#clip%d)\">%n",
            clips,
            x,
            y,
            width,
            height,
            clips));
    openClips++;
  }

  @Override
  public void unclip() {
    if (openClips > 0) {
      body.append("</g>\n");
      openClips--;
    }
  }

  /** The finished document. */
  public String document() {
    return String.format(
            Locale.ROOT,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>%n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" "
                + "viewBox=\"0 0 %.0f %.0f\" font-family=\"sans-serif\">%n",
            widthPx,
            heightPx,
            widthPx,
            heightPx)
        + body
        + "</g>\n".repeat(openClips)
        + "</svg>\n";
  }

  private static String paint(String attribute, Rgb colour) {
    if (colour.alpha() >= 1.0) {
      return String.format(Locale.ROOT, " %s=\"%s\"", attribute, colour.cssHex());
    }
    return String.format(
        Locale.ROOT,
        " %s=\"%s\" %s-opacity=\"%.2f\"",
        attribute,
        colour.cssHex(),
        attribute,
        colour.alpha());
  }

  private static String points(double[] xs, double[] ys, int count) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      text.append(String.format(Locale.ROOT, "%s%.1f,%.1f", i == 0 ? "" : " ", xs[i], ys[i]));
    }
    return text.toString();
  }

  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '"' -> escaped.append("&quot;");
        default -> {
          if (c >= 0x20 || c == '\t') {
            escaped.append(c);
          }
        }
      }
    }
    return escaped.toString();
  }
}
