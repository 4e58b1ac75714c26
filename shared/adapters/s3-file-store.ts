import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, NotFound, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { assertFileKey, attachmentDisposition, signedUrlSeconds } from './file-keys';
import type { FileStore } from './file-store-interface';

/** The file store in the cloud: the stack's private bucket (infra/stack/constructs/file-bucket.ts). */
export function s3FileStore(bucket: string, client: S3Client = new S3Client({})): FileStore {
  return {
    uploadTarget: async (key, file) => {
      assertFileKey(key);
      // Content type and length are signed: S3 refuses an upload of another type or size.
      const url = await getSignedUrl(client, new PutObjectCommand({ Bucket: bucket, Key: key, ContentType: file.contentType, ContentLength: file.bytes }), {
        expiresIn: signedUrlSeconds,
        signableHeaders: new Set(['content-type', 'content-length']),
      });
      return { url, method: 'PUT', headers: { 'content-type': file.contentType }, expiresAt: new Date(Date.now() + signedUrlSeconds * 1000).toISOString() };
    },
    downloadUrl: async (key, file) => {
      assertFileKey(key);
      return getSignedUrl(client, new GetObjectCommand({ Bucket: bucket, Key: key, ResponseContentDisposition: attachmentDisposition(file.fileName), ResponseContentType: file.contentType }), {
        expiresIn: signedUrlSeconds,
      });
    },
    stat: async (key) => {
      assertFileKey(key);
      try {
        const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return { bytes: head.ContentLength ?? 0, ...(head.ContentType ? { contentType: head.ContentType } : {}) };
      } catch (error) {
        if (error instanceof NotFound || (error as { name?: string }).name === 'NotFound') return undefined;
        throw error;
      }
    },
    read: async (key) => {
      assertFileKey(key);
      const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      return object.Body!.transformToByteArray();
    },
    write: async (key, body, contentType) => {
      assertFileKey(key);
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }));
    },
    remove: async (key) => {
      assertFileKey(key);
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
  };
}
