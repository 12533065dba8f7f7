import type { CompareState } from "@/components/compare/search-params";
import type { BoardVariable } from "@/lib/boards/types";
import type { ChartRange } from "@/lib/chart-data/range";

/** What every panel gets from its board: the range and variables to apply. */
export interface PanelEnv {
  range: ChartRange;
  variables: BoardVariable[];
  /**
   * Opens "What is different?" on the board. Absent where the data is frozen or the viewer
   * is signed out (a snapshot): there is no live store to compare against.
   */
  compare?: (s: CompareState) => void;
}
