import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { connection } from "next/server";
import { BoardList } from "@/components/boards/board-list";
import { boardKeys } from "@/components/boards/queries";
import { TopBar } from "@/components/nav/top-bar";
import { ServerNowProvider } from "@/components/ui/server-now";
import { pageAccess } from "@/lib/auth/page-access";
import { listBoards } from "@/lib/db/boards";
import { renderedAt } from "../request-context";

export const metadata: Metadata = { title: "Boards" };

export default async function BoardsPage() {
  await connection();
  const { project } = await pageAccess();
  const queryClient = new QueryClient();
  queryClient.setQueryData(boardKeys.list, await listBoards(project.id));
  return (
    <ServerNowProvider now={renderedAt()}>
      <TopBar title="Boards" subtitle="Charts, funnels and numbers collected for a team" />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <BoardList />
      </HydrationBoundary>
    </ServerNowProvider>
  );
}
