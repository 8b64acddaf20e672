import type { WebSocket } from 'ws';
import type { ScreenMessage } from '../../core/contract/index.js';

/** The screens connected to this terminal service's /api/live; every message goes to all of them. */
export class ScreenHub {
  private readonly sockets = new Set<WebSocket>();

  add(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
  }

  send(msg: ScreenMessage): void {
    const text = JSON.stringify(msg);
    for (const s of this.sockets) if (s.readyState === s.OPEN) s.send(text);
  }

  closeAll(): void {
    for (const s of this.sockets) s.close(1001, 'service stopping');
  }
}
