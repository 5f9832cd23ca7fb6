package io.gatewire.bootstrap.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Usage help whose tables wrap only at spaces. picocli wraps with the JDK's line breaker, which
 * also breaks after {@code .}, {@code -} and {@code /}, splitting values such as {@code
 * gatewire.io/gateway-controller} or {@code ~/.kube/config} across lines.
 */
final class WholeWordHelp extends Help {
  WholeWordHelp(CommandSpec spec, ColorScheme colorScheme) {
    super(spec, colorScheme);
  }

  @Override
  public Layout createDefaultLayout(
      List<OptionSpec> options, List<PositionalParamSpec> positionals, ColorScheme scheme) {
    Layout layout = super.createDefaultLayout(options, positionals, scheme);
    return new Layout(
        scheme,
        new WholeWordTable(scheme, layout.textTable()),
        layout.optionRenderer(),
        layout.parameterRenderer());
  }

  @Override
  public TextTable createTextTable(Map<?, ?> map) {
    return new WholeWordTable(colorScheme(), super.createTextTable(map));
  }

  /** A table with the columns of {@code like} that breaks plain text only at spaces. */
  static final class WholeWordTable extends TextTable {
    private final ColorScheme scheme;

    WholeWordTable(ColorScheme scheme, TextTable like) {
      super(scheme, like.columns());
      this.scheme = scheme;
      this.indentWrappedLines = like.indentWrappedLines;
      setAdjustLineBreaksForWideCJKCharacters(like.isAdjustLineBreaksForWideCJKCharacters());
    }

    @Override
    public Cell putValue(int row, int col, Text value) {
      Column column = columns()[col];
      String plain = value.plainString();
      int width = column.width - column.indent;
      boolean styled = !plain.equals(value.toString());
      if (column.overflow != Column.Overflow.WRAP
          || styled
          || plain.length() <= width
          || plain.contains("\n")) {
        return super.putValue(row, col, value);
      }
      List<String> lines = wrap(plain, width, indentWrappedLines);
      Cell cell = super.putValue(row, col, text(lines.get(0)));
      for (String line : lines.subList(1, lines.size())) {
        int next = cell.row + 1;
        if (next >= rowCount()) {
          addEmptyRow();
        }
        cell = super.putValue(next, col, text(" ".repeat(indentWrappedLines) + line));
      }
      return cell;
    }

    private Text text(String plain) {
      return scheme.ansi().new Text(plain, scheme);
    }

    /** Words of {@code text} in lines of at most {@code width} (later lines: minus the indent). */
    static List<String> wrap(String text, int width, int indent) {
      List<String> lines = new ArrayList<>();
      StringBuilder line = new StringBuilder();
      for (String word : text.trim().split(" +")) {
        int limit = lines.isEmpty() ? width : width - indent;
        if (line.length() > 0 && line.length() + 1 + word.length() > limit) {
          lines.add(line.toString());
          line.setLength(0);
        }
        if (line.length() > 0) {
          line.append(' ');
        }
        line.append(word);
      }
      lines.add(line.toString());
      return lines;
    }
  }
}
