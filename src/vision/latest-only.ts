/**
 * Runs one piece of async work at a time and, of the requests that arrive
 * while it is busy, only the newest. Dragging a slider asks for a new
 * preview many times a second; each one that is already out of date when
 * the worker gets free is skipped rather than queued.
 */
export class LatestOnly<Request, Result> {
  private wanted: { request: Request } | null = null
  private busy = false

  constructor(
    private readonly work: (request: Request) => Promise<Result>,
    private readonly onResult: (result: Result, request: Request) => void,
    private readonly onError: (error: unknown, request: Request) => void,
  ) {}

  /** Ask for `request`; it replaces any request not yet started. */
  request(request: Request): void {
    this.wanted = { request }
    if (!this.busy) {
      void this.drain()
    }
  }

  /** Forget the request not yet started, if any. */
  cancel(): void {
    this.wanted = null
  }

  private async drain(): Promise<void> {
    this.busy = true
    try {
      while (this.wanted) {
        const { request } = this.wanted
        this.wanted = null
        try {
          this.onResult(await this.work(request), request)
        } catch (error) {
          this.onError(error, request)
        }
      }
    } finally {
      this.busy = false
    }
  }
}
