// The browser host's requests, sent from a worker: a fetch costs the thread that makes it 1–3 ms (body,
// headers, the hand-over to the network process), which the page's main thread then keeps for the editor.
export interface RpcRequest {
  id: number;
  channel: string;
  body: string;
  token: string;
}

/** status 0 and no text: the host could not be reached. */
export interface RpcReply {
  id: number;
  status: number;
  text: string | null;
}

self.onmessage = async (e: MessageEvent<RpcRequest>) => {
  const { id, channel, body, token } = e.data;
  let reply: RpcReply;
  try {
    const res = await fetch(`/rpc/${encodeURIComponent(channel)}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-workbench-token': token }, body });
    reply = { id, status: res.status, text: await res.text() };
  } catch {
    reply = { id, status: 0, text: null };
  }
  self.postMessage(reply);
};
