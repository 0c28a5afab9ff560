/**
 * A real HTTP server on 127.0.0.1 that speaks the OpenAI chat-completions protocol with scripted
 * replies, so the llm generator is tested through the real openai client and a real socket.
 * Only what Forklift uses: `POST /v1/chat/completions` (non-streaming; `stream: true` is refused
 * with a 400) and `GET /v1/models`. It is a fake for faults we cannot otherwise cause (a 429, a
 * 500, a hang), not a model.
 */
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** One scripted answer to one chat-completions request. */
export type ScriptedReply =
  | {
      kind: "text";
      /** The assistant message content. */
      content: string;
      /** Usage to report; missing numbers are estimated (chars/4) or derived from the prefix cache. */
      usage?: { promptTokens?: number; completionTokens?: number; cachedTokens?: number };
      /** Wait this long before answering (headers included). */
      delayMs?: number;
      finishReason?: "stop" | "length";
    }
  | { kind: "error"; status: number; message?: string; retryAfterSeconds?: number }
  /** An HTTP 200 whose body is not the protocol's JSON (a broken proxy, a crashed server). */
  | { kind: "raw"; status: number; body: string; contentType?: string }
  /** Never answers; the socket stays open until the client gives up or the server closes. */
  | { kind: "hang" };

/** A request the server received, parsed, for tests to assert on prompts. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  /** The parsed JSON body (chat-completions requests), or undefined. */
  body: ChatRequestBody | undefined;
  /** When it arrived (ms since epoch). */
  receivedAt: number;
  /** True once the client hung up before the answer was sent (a cancelled or timed-out call). */
  abandoned: boolean;
}

/** The part of a chat-completions request body the server reads. */
export interface ChatRequestBody {
  model: string;
  messages: { role: string; content: string }[];
  temperature?: number;
  seed?: number;
  stream?: boolean;
  [key: string]: unknown;
}

/** Where replies come from: a queue consumed in order, or a function of each request. */
export type ReplySource = ScriptedReply[] | ((request: RecordedRequest, index: number) => ScriptedReply);

/** Options for {@link startScriptedOpenAiServer}. */
export interface ScriptedOpenAiServerOptions {
  replies?: ReplySource;
  /** Model ids listed by `GET /v1/models`. */
  models?: string[];
  /**
   * Report cached prompt tokens like a provider with prefix caching: the longest prefix (in
   * chars/4 tokens, whole 128-token blocks) shared with an earlier request. Off: 0 unless scripted.
   */
  prefixCache?: boolean;
}

/** A running scripted server. */
export interface ScriptedOpenAiServer {
  /** The base URL to give the openai client, e.g. `http://127.0.0.1:43123/v1`. */
  readonly baseUrl: string;
  /** Every request received, in arrival order (chat completions and model listings). */
  readonly requests: RecordedRequest[];
  /** The chat-completions requests only. */
  chatRequests(): RecordedRequest[];
  /** Appends replies to the queue (when the source is a queue). */
  enqueue(...replies: ScriptedReply[]): void;
  /** Connections currently open (idle keep-alive ones included). */
  openConnections(): number;
  /** Stops listening and destroys every open socket, hanging requests included. */
  close(): Promise<void>;
}

/** Starts a scripted OpenAI-compatible server on 127.0.0.1 at a random free port. */
export async function startScriptedOpenAiServer(options: ScriptedOpenAiServerOptions = {}): Promise<ScriptedOpenAiServer> {
  const source = options.replies ?? [];
  const queue: ScriptedReply[] = Array.isArray(source) ? [...source] : [];
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let chatCount = 0;

  const nextReply = (request: RecordedRequest): ScriptedReply => {
    const index = chatCount++;
    if (typeof source === "function") return source(request, index);
    return queue.shift() ?? { kind: "error", status: 500, message: `scripted server: no reply queued for request ${index}` };
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const recorded: RecordedRequest = {
        method: req.method ?? "GET",
        path: (req.url ?? "/").split("?")[0] ?? "/",
        headers: req.headers,
        body: parseBody(text),
        receivedAt: Date.now(),
        abandoned: false,
      };
      requests.push(recorded);
      res.on("close", () => {
        if (!res.writableFinished) recorded.abandoned = true;
      });
      if (recorded.method === "GET" && recorded.path === "/v1/models") {
        return sendJson(res, 200, {
          object: "list",
          data: (options.models ?? ["scripted-model"]).map((id) => ({ id, object: "model", created: 0, owned_by: "forklift-tests" })),
        });
      }
      if (recorded.method !== "POST" || recorded.path !== "/v1/chat/completions") {
        return sendError(res, 404, `no route ${recorded.method} ${recorded.path}`);
      }
      if (!recorded.body || !Array.isArray(recorded.body.messages)) return sendError(res, 400, "body must be a JSON chat request");
      if (recorded.body.stream) return sendError(res, 400, "the scripted server does not stream");
      const reply = nextReply(recorded);
      const answer = () => respond(res, reply, recorded, cachedPrefixTokens(recorded, requests, options.prefixCache ?? false));
      if (reply.kind === "text" && reply.delayMs) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          answer();
        }, reply.delayMs);
        timers.add(timer);
      } else {
        answer();
      }
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    chatRequests: () => requests.filter((r) => r.path === "/v1/chat/completions"),
    enqueue: (...replies) => void queue.push(...replies),
    openConnections: () => sockets.size,
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}

function respond(res: http.ServerResponse, reply: ScriptedReply, request: RecordedRequest, prefixCached: number): void {
  switch (reply.kind) {
    case "hang":
      return;
    case "raw":
      res.writeHead(reply.status, { "content-type": reply.contentType ?? "application/json" });
      res.end(reply.body);
      return;
    case "error": {
      const headers: Record<string, string> = {};
      if (reply.retryAfterSeconds !== undefined) headers["retry-after"] = String(reply.retryAfterSeconds);
      return sendError(res, reply.status, reply.message ?? `scripted ${reply.status}`, headers);
    }
    case "text": {
      const promptTokens = reply.usage?.promptTokens ?? (request.body ? estimateTokens(promptText(request.body)) : 0);
      const completionTokens = reply.usage?.completionTokens ?? estimateTokens(reply.content);
      const cachedTokens = Math.min(promptTokens, reply.usage?.cachedTokens ?? prefixCached);
      return sendJson(res, 200, {
        id: `chatcmpl-scripted-${Math.random().toString(36).slice(2, 10)}`,
        object: "chat.completion",
        created: Math.floor(Date.now() / 1000),
        model: request.body?.model ?? "scripted-model",
        choices: [
          {
            index: 0,
            message: { role: "assistant", content: reply.content, refusal: null },
            logprobs: null,
            finish_reason: reply.finishReason ?? "stop",
          },
        ],
        usage: {
          prompt_tokens: promptTokens,
          completion_tokens: completionTokens,
          total_tokens: promptTokens + completionTokens,
          prompt_tokens_details: { cached_tokens: cachedTokens },
        },
      });
    }
  }
}

/** Tokens of `request`'s prompt shared with an earlier request, in whole 128-token blocks. */
function cachedPrefixTokens(request: RecordedRequest, all: RecordedRequest[], enabled: boolean): number {
  if (!enabled || !request.body) return 0;
  const text = promptText(request.body);
  let best = 0;
  for (const earlier of all) {
    if (earlier === request || !earlier.body) continue;
    best = Math.max(best, commonPrefixLength(text, promptText(earlier.body)));
  }
  return Math.floor(best / 4 / 128) * 128;
}

function promptText(body: ChatRequestBody): string {
  return body.messages.map((m) => `<${m.role}>${m.content}`).join("");
}

function commonPrefixLength(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

function parseBody(text: string): ChatRequestBody | undefined {
  try {
    return JSON.parse(text) as ChatRequestBody;
  } catch {
    return undefined;
  }
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

function sendError(res: http.ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  const type = status === 429 ? "rate_limit_exceeded" : status >= 500 ? "server_error" : "invalid_request_error";
  sendJson(res, status, { error: { message, type, param: null, code: null } }, headers);
}
