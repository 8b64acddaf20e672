export default function HallApp() {
  return <main className="hall" data-testid="hall-board" />;
}
