import type { BoardVariable } from "@/lib/boards/types";
import type { ChartRange } from "@/lib/chart-data/range";

/** What every panel gets from its board: the range and variables to apply. */
export interface PanelEnv {
  range: ChartRange;
  variables: BoardVariable[];
}
