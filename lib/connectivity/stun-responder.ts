import dgram from "node:dgram";

// A minimal STUN server (RFC 5389 Binding): it answers each Binding Request
// with the address it came from (XOR-MAPPED-ADDRESS). That is all a browser's
// ICE gathering needs to produce a server-reflexive candidate, which proves
// that UDP gets out. It keeps no state and answers nothing else.

const magicCookie = 0x2112a442;

export function bindingResponse(request: Buffer, address: string, port: number): Buffer | null {
  if (request.length < 20 || request.length > 548) return null;
  if (request.readUInt16BE(0) !== 0x0001 || request.readUInt32BE(4) !== magicCookie) return null;
  if (request.readUInt16BE(2) !== request.length - 20) return null;
  const octets = address.split(".").map(Number);
  if (octets.length !== 4 || octets.some((o) => !Number.isInteger(o) || o < 0 || o > 255)) return null; // IPv4 only
  const ip = octets.reduce((acc, o) => acc * 256 + o, 0);
  const attribute = Buffer.alloc(12);
  attribute.writeUInt16BE(0x0020, 0); // XOR-MAPPED-ADDRESS
  attribute.writeUInt16BE(8, 2);
  attribute.writeUInt8(0x01, 5); // IPv4
  attribute.writeUInt16BE(port ^ (magicCookie >>> 16), 6);
  attribute.writeUInt32BE((ip ^ magicCookie) >>> 0, 8);
  const header = Buffer.alloc(20);
  header.writeUInt16BE(0x0101, 0); // Binding Success Response
  header.writeUInt16BE(attribute.length, 2);
  header.writeUInt32BE(magicCookie, 4);
  request.copy(header, 8, 8, 20); // transaction id
  return Buffer.concat([header, attribute]);
}

export type StunResponder = { port: number; close(): Promise<void> };

export function startStunResponder(host: string, port: number): Promise<StunResponder> {
  return new Promise((resolve, reject) => {
    const socket = dgram.createSocket("udp4");
    socket.on("message", (message, remote) => {
      const response = bindingResponse(message, remote.address, remote.port);
      if (response) socket.send(response, remote.port, remote.address);
    });
    socket.once("error", reject);
    socket.bind(port, host, () => {
      socket.off("error", reject);
      socket.on("error", () => {});
      socket.unref();
      resolve({ port: socket.address().port, close: () => new Promise((r) => socket.close(() => r())) });
    });
  });
}

/** "127.0.0.1:3478" → { host, port }; null when unset or malformed. */
export function parseListen(value: string | undefined): { host: string; port: number } | null {
  const match = value?.match(/^([0-9.]+|localhost):(\d{1,5})$/);
  if (!match) return null;
  const port = Number(match[2]);
  return port > 0 && port < 65536 ? { host: match[1], port } : null;
}
