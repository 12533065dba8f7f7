/**
 * Where a key moves in a tree drawn as a list of rows, as in file trees (WAI-ARIA's tree
 * view): up and down move a row, right expands a collapsed row or goes to its first child,
 * left collapses an expanded row or goes to its parent, Home/End and PageUp/PageDown jump.
 * Pure, so the waterfall and trace compare share one set of rules and one test.
 */
export interface TreeCursor {
  /** The focused row's index in the list on screen. */
  index: number;
  /** Rows on screen. */
  rowCount: number;
  /** Rows one PageUp/PageDown moves. */
  page: number;
  hasChildren: boolean;
  collapsed: boolean;
  /** The parent's row index, or -1 at the top or when the parent is not on screen. */
  parentIndex: number;
}

/**
 * `move` to a row index (clamped to the list), `toggle` the focused row's collapse, or `stay`
 * (a tree key with nothing to do: right on a leaf); null for a key the tree does not own.
 */
export type TreeKeyTarget = { kind: "move"; index: number } | { kind: "toggle" } | { kind: "stay" };

export function treeKeyTarget(key: string, at: TreeCursor): TreeKeyTarget | null {
  const move = (index: number): TreeKeyTarget => ({ kind: "move", index: Math.min(at.rowCount - 1, Math.max(0, index)) });
  switch (key) {
    case "ArrowDown": return move(at.index + 1);
    case "ArrowUp": return move(at.index - 1);
    case "PageDown": return move(at.index + Math.max(1, at.page));
    case "PageUp": return move(at.index - Math.max(1, at.page));
    case "Home": return move(0);
    case "End": return move(at.rowCount - 1);
    case "ArrowRight":
      if (!at.hasChildren) return { kind: "stay" };
      return at.collapsed ? { kind: "toggle" } : move(at.index + 1);
    case "ArrowLeft":
      if (at.hasChildren && !at.collapsed) return { kind: "toggle" };
      return at.parentIndex >= 0 ? move(at.parentIndex) : { kind: "stay" };
    default: return null;
  }
}
