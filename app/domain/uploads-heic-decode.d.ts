// heic-decode ships no types: the two calls the image pipeline uses (app/domain/uploads-heic.server.ts).
declare module 'heic-decode' {
  interface DecodedImage {
    width: number;
    height: number;
    data: Uint8ClampedArray;
  }
  interface DecodeAll {
    (input: { buffer: Uint8Array }): Promise<Array<{ width: number; height: number; decode(): Promise<DecodedImage> }> & { dispose(): void }>;
  }
  const decode: ((input: { buffer: Uint8Array }) => Promise<DecodedImage>) & { all: DecodeAll };
  export default decode;
}
