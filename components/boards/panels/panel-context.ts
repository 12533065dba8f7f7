import type { BoardVariable } from "@/lib/boards/types";
import type { ChartRange } from "@/lib/chart-data/range";

/** What every panel gets from its board: the range and variables to apply. */
export interface PanelEnv {
  range: ChartRange;
  variables: BoardVariable[];
  /** Panel data frozen in a snapshot, when the board is one; panels then fetch nothing. */
  frozen?: unknown;
  /** Called with a panel's data once it has loaded (snapshots collect it). */
  onData?: (data: unknown) => void;
}
