import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { edgeHeaders } from '../../../shared/config/edge';
import { acknowledge } from '../acknowledge';

export interface WebDistributionProps {
  /** Host name of the HTTP API's execute-api endpoint. */
  readonly apiDomainName: string;
  readonly region: string;
  /** ARN of a WAFv2 web ACL (scope CLOUDFRONT, us-east-1) to attach; HTTP APIs take none themselves. */
  readonly webAclId?: string;
  /** A custom domain and its ACM certificate (us-east-1); without them CloudFront's own domain. */
  readonly domainName?: string;
  readonly certificateArn?: string;
}

/**
 * Serves an SPA that is client-side routed: a path without a file extension gets index.html.
 * Done in a viewer-request function rather than with 403/404 error responses, which CloudFront
 * applies to every behaviour: they would turn the API's own 404 and 403 answers into index.html.
 */
const spaFallbackCode = `function handler(event) {
  var request = event.request;
  var last = request.uri.split('/').pop();
  if (last.indexOf('.') === -1) request.uri = '/index.html';
  return request;
}`;

/**
 * Tells the API who the viewer is: behind CloudFront, API Gateway's `sourceIp` is an edge server,
 * and a viewer-sent X-Forwarded-For can be forged. The function's header replaces any the viewer sent.
 */
const viewerAddressCode = `function handler(event) {
  var request = event.request;
  request.headers['${edgeHeaders.viewerIp}'] = { value: event.viewer.ip };
  return request;
}`;

/**
 * The web UI's hosting: a private, encrypted bucket read by CloudFront through origin access
 * control, and one distribution that also routes `/api/*` to the HTTP API, so that the app is
 * same-origin in the cloud as it is locally (no CORS, and the one place a WAF can be attached).
 */
export class WebDistribution extends Construct {
  readonly bucket: Bucket;
  /** Server access logs of the app's buckets (and CloudFront's standard logs). */
  readonly accessLogs: Bucket;
  readonly distribution: Distribution;
  readonly appUrl: string;
  /**
   * Sent by CloudFront to the API in `edgeHeaders.secret`; the API functions refuse requests
   * without it, so the execute-api endpoint cannot be called around the distribution and its WAF.
   */
  readonly edgeSecret: Secret;

  constructor(scope: Construct, id: string, props: WebDistributionProps) {
    super(scope, id);
    if (props.domainName && !props.certificateArn) {
      throw new Error(`The client has domainName ${props.domainName}: pass its ACM certificate (us-east-1) with -c certificateArn=arn:aws:acm:us-east-1:…`);
    }

    const accessLogs = (this.accessLogs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront standard logging writes with ACLs. (A log target is not logged itself; cdk-nag's S1 knows.)
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    }));

    this.bucket = new Bucket(this, 'Site', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'site/',
      // Build output, redeployed on every deploy; RETAIN keeps a stack deletion from failing on a non-empty bucket.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'CRM security headers',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          override: true,
          contentSecurityPolicy: [
            "default-src 'self'",
            `connect-src 'self' https://cognito-idp.${props.region}.amazonaws.com`,
            "img-src 'self' data:",
            "style-src 'self' 'unsafe-inline'",
            "script-src 'self'",
            "font-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
          ].join('; '),
        },
        strictTransportSecurity: { override: true, accessControlMaxAge: Duration.days(365), includeSubdomains: true },
        contentTypeOptions: { override: true },
        frameOptions: { override: true, frameOption: HeadersFrameOption.DENY },
        referrerPolicy: { override: true, referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN },
      },
    });

    const spaFallback = new CloudFrontFunction(this, 'SpaFallback', {
      code: FunctionCode.fromInline(spaFallbackCode),
      runtime: FunctionRuntime.JS_2_0,
      comment: 'Client-side routes get index.html',
    });

    const viewerAddress = new CloudFrontFunction(this, 'ViewerAddress', {
      code: FunctionCode.fromInline(viewerAddressCode),
      runtime: FunctionRuntime.JS_2_0,
      comment: "The viewer's IP for the API",
    });
    this.edgeSecret = new Secret(this, 'EdgeSecret', {
      description: 'Header value CloudFront sends to the CRM API; API functions refuse requests without it',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    acknowledge(
      this.edgeSecret,
      'AwsSolutions-SMG4',
      'A shared token between this stack\'s CloudFront and its API functions, guarding against calls around the edge; it grants no data access. Both read it at deploy time, so it is rotated by a redeploy, not by a rotation Lambda.',
    );

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'CRM web UI and API',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        functionAssociations: [{ function: spaFallback, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        '/api/*': {
          origin: new HttpOrigin(props.apiDomainName, {
            protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
            originSslProtocols: [OriginSslPolicy.TLS_V1_2],
            // CloudFront replaces a viewer-sent header of the same name.
            customHeaders: { [edgeHeaders.secret]: this.edgeSecret.secretValue.unsafeUnwrap() },
          }),
          functionAssociations: [{ function: viewerAddress, eventType: FunctionEventType.VIEWER_REQUEST }],
          // A redirect would turn a form POST into a GET: plain HTTP is refused instead.
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          // Everything the viewer sent (Authorization, query, cookies) except Host, which
          // API Gateway needs to be its own.
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: headers,
        },
      },
      httpVersion: HttpVersion.HTTP2_AND_3,
      // North America, Europe and Israel edges: the cheapest class; Russian and Kazakh users are
      // served from the European edges.
      priceClass: PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: accessLogs,
      logFilePrefix: 'cloudfront/',
      ...(props.webAclId ? { webAclId: props.webAclId } : {}),
      ...(props.domainName && props.certificateArn
        ? {
            domainNames: [props.domainName],
            certificate: Certificate.fromCertificateArn(this, 'Certificate', props.certificateArn),
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
    });
    if (!props.domainName) {
      acknowledge(
        this.distribution,
        'AwsSolutions-CFR4',
        "Without a custom domain CloudFront serves its default *.cloudfront.net certificate, whose TLS policy cannot be set; a client domainName with a certificate enforces TLSv1.2_2021.",
      );
    }
    if (!props.webAclId) {
      acknowledge(
        this.distribution,
        'AwsSolutions-CFR2',
        'WAF is optional per client (priced per web ACL and request); pass webAclId to attach one. Public endpoints are rate-limited in the application.',
      );
    }
    acknowledge(this.distribution, 'AwsSolutions-CFR1', 'A CRM for companies whose staff travel; no geo restriction by default.');

    this.appUrl = `https://${props.domainName ?? this.distribution.distributionDomainName}`;
  }
}
