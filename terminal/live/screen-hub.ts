import type { WebSocket } from 'ws';
import type { ScreenMessage } from '../../core/contract/index.js';

type Accepts = (type: ScreenMessage['type']) => boolean;

/** The screens connected to this terminal service's /api/live; each message goes to every screen whose feed takes its type. */
export class ScreenHub {
  private readonly sockets = new Map<WebSocket, Accepts>();

  add(socket: WebSocket, accepts: Accepts = () => true): void {
    this.sockets.set(socket, accepts);
    socket.on('close', () => this.sockets.delete(socket));
  }

  send(msg: ScreenMessage): void {
    const text = JSON.stringify(msg);
    for (const [s, accepts] of this.sockets) if (s.readyState === s.OPEN && accepts(msg.type)) s.send(text);
  }

  closeAll(): void {
    for (const s of this.sockets.keys()) s.close(1001, 'service stopping');
  }
}
