import type http from "node:http";
import { clientAddress } from "./clientAddress";

const request = (peer: string, forwardedFor?: string) =>
  ({ socket: { remoteAddress: peer }, headers: forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor } }) as unknown as http.IncomingMessage;

describe("the client address the limits count", () => {
  const proxies = new Set(["10.0.0.1", "10.0.0.2"]);

  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress(request("203.0.113.9", "198.51.100.1"), new Set())).toBe("203.0.113.9");
  });

  it("is the address a trusted proxy received the request from", () => {
    expect(clientAddress(request("10.0.0.1", "198.51.100.1"), proxies)).toBe("198.51.100.1");
  });

  it("skips every trusted proxy in the chain and never believes what the client wrote left of it", () => {
    expect(clientAddress(request("10.0.0.1", "1.2.3.4, 198.51.100.1, 10.0.0.2"), proxies)).toBe("198.51.100.1");
  });

  it("reads an IPv4 peer of a dual-stack socket as the IPv4 address the list names", () => {
    expect(clientAddress(request("::ffff:10.0.0.1", "198.51.100.1"), proxies)).toBe("198.51.100.1");
  });

  it("is the proxy itself when it forwarded nothing", () => {
    expect(clientAddress(request("10.0.0.1"), proxies)).toBe("10.0.0.1");
  });
});
