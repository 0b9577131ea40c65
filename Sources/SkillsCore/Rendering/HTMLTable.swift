/// A plain HTML table from cells that are already escaped.
public enum HTMLTable {
    public static func render(_ header: [String], _ rows: [[String]]) -> String {
        "<table><thead><tr>" + header.map { "<th>\($0)</th>" }.joined() + "</tr></thead><tbody>"
            + rows.map { "<tr>" + $0.map { "<td>\($0)</td>" }.joined() + "</tr>" }.joined(separator: "\n")
            + "</tbody></table>"
    }
}
