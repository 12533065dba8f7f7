import { handleIngest } from "@/lib/http/ingest-handler";

export const POST = handleIngest;
