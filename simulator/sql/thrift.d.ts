// The slice of the `thrift` package (0.23, untyped) the warehouse uses to decode and encode TCLIService calls.
declare module 'thrift' {
  export class TBufferedTransport {
    constructor(buffer?: Buffer, onFlush?: (message: Buffer) => void);
    static receiver(callback: (transport: TBufferedTransport) => void): (data: Buffer) => void;
  }
  export class TBinaryProtocol {
    constructor(transport: TBufferedTransport);
  }
  export type TProtocol = TBinaryProtocol;
  export class Int64 {
    constructor(value: number);
    toNumber(allowImprecise?: boolean): number;
  }
}
