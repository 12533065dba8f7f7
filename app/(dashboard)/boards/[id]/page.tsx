import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { boardKeys } from "@/components/boards/queries";
import { ServerNowProvider } from "@/components/ui/server-now";
import { pageAccess } from "@/lib/auth/page-access";
import { getBoard } from "@/lib/db/boards";
import { renderedAt } from "../../request-context";
import { BoardClient } from "./client";

export const metadata: Metadata = { title: "Board" };

export default async function BoardPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const [{ id }, { project }] = await Promise.all([params, pageAccess()]);
  const board = await getBoard(project.id, id);
  if (!board) notFound();
  const queryClient = new QueryClient();
  queryClient.setQueryData(boardKeys.one(id), board);
  return (
    <ServerNowProvider now={renderedAt()}>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <BoardClient id={id} />
      </HydrationBoundary>
    </ServerNowProvider>
  );
}
