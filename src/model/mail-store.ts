/**
 * Mailbox contents of every account, kept in typed arrays so that half a
 * million mailboxes with a few million messages cost tens of megabytes
 * and no garbage collection. Each mailbox is a singly linked FIFO list of
 * message slots; freed slots go on a free list and are reused.
 */
export class MailStore {
  private readonly head: Int32Array;
  private readonly tail: Int32Array;
  private readonly counts: Uint32Array;
  private next: Int32Array;
  private sizes: Float64Array;
  private freeHead = -1;
  private used = 0;
  /** Accounts whose mailbox a delivery-time probe is watching. */
  readonly probed: Uint8Array;

  constructor(readonly accounts: number, initialSlots = accounts * 4) {
    if (!Number.isInteger(accounts) || accounts < 1) {
      throw new RangeError(`mail store: accounts ${accounts} must be >= 1`);
    }
    this.head = new Int32Array(accounts).fill(-1);
    this.tail = new Int32Array(accounts).fill(-1);
    this.counts = new Uint32Array(accounts);
    this.probed = new Uint8Array(accounts);
    this.next = new Int32Array(Math.max(16, initialSlots));
    this.sizes = new Float64Array(this.next.length);
  }

  /** Messages in the mailbox of `account`. */
  messageCount(account: number): number {
    return this.counts[account] as number;
  }

  /** Messages in all mailboxes. */
  get totalMessages(): number {
    return this.used;
  }

  /** Appends a message of `sizeBytes` to the mailbox of `account`. */
  append(account: number, sizeBytes: number): void {
    const slot = this.allocate();
    this.next[slot] = -1;
    this.sizes[slot] = sizeBytes;

    const last = this.tail[account] as number;
    if (last < 0) this.head[account] = slot;
    else this.next[last] = slot;
    this.tail[account] = slot;
    this.counts[account] = (this.counts[account] as number) + 1;
  }

  /**
   * Removes every message from the mailbox of `account` and returns their
   * sizes in bytes, oldest first, as a POP session that downloads and
   * deletes everything does.
   */
  takeAll(account: number): number[] {
    const sizes: number[] = [];
    let slot = this.head[account] as number;
    while (slot >= 0) {
      sizes.push(this.sizes[slot] as number);
      const following = this.next[slot] as number;
      this.release(slot);
      slot = following;
    }
    this.head[account] = -1;
    this.tail[account] = -1;
    this.counts[account] = 0;
    return sizes;
  }

  private allocate(): number {
    this.used++;
    if (this.freeHead >= 0) {
      const slot = this.freeHead;
      this.freeHead = this.next[slot] as number;
      return slot;
    }
    const slot = this.used - 1;
    if (slot >= this.next.length) this.grow();
    return slot;
  }

  private release(slot: number): void {
    this.next[slot] = this.freeHead;
    this.freeHead = slot;
    this.used--;
  }

  private grow(): void {
    const next = new Int32Array(this.next.length * 2);
    next.set(this.next);
    const sizes = new Float64Array(this.sizes.length * 2);
    sizes.set(this.sizes);
    this.next = next;
    this.sizes = sizes;
  }
}
