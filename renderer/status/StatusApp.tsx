export default function StatusApp() {
  return <main className="sync-status" data-testid="status-screen" />;
}
