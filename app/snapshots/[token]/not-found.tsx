import { AuthCard } from "@/components/auth/auth-card";

export default function SnapshotNotFound() {
  return (
    <AuthCard title="This snapshot is not available">
      <p data-testid="snapshot-gone">The link is wrong, or the snapshot was revoked, has expired, or its project stopped sharing snapshots. Ask whoever sent it for a new one.</p>
    </AuthCard>
  );
}
