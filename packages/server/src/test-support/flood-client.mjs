// A client that floods the gateway from its own process (so its CPU is not the measured
// process's): says hello, then sends large, nested, valid-JSON frames as fast as the socket takes
// them, until it is killed. Prints one JSON line of counts when it receives SIGTERM.
import { WebSocket } from 'ws';

const { FLOOD_URL, FLOOD_AUTH } = process.env;
const socket = new WebSocket(FLOOD_URL);
const rows = Array.from({ length: 1400 }, (_, i) => ({
  sku: `CANDY-${i}`,
  qty: [i, { box: 'ab' }],
}));
const frame = JSON.stringify({ type: 'call', id: 'flood', method: 'tickets.get', input: { rows } });
let sent = 0;
let errors = 0;
let limited = 0;

const pump = () => {
  while (socket.readyState === WebSocket.OPEN && socket.bufferedAmount < 512 * 1024) {
    socket.send(frame);
    sent++;
  }
  if (socket.readyState === WebSocket.OPEN) setTimeout(pump, 1);
};

socket.on('open', () => {
  socket.send(JSON.stringify({ type: 'hello', v: 1, auth: JSON.parse(FLOOD_AUTH) }));
});
socket.on('message', (data) => {
  const message = JSON.parse(String(data));
  if (message.type === 'welcome') {
    process.stdout.write(`${JSON.stringify({ ready: true, bytes: Buffer.byteLength(frame) })}\n`);
    pump();
  } else if (message.type === 'error') {
    errors++;
    if (message.code === 'RATE_LIMITED') limited++;
  }
});
process.on('SIGTERM', () => {
  process.stdout.write(`${JSON.stringify({ sent, errors, limited })}\n`);
  process.exit(0);
});
