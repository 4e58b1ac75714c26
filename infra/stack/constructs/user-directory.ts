import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnUserPoolUser,
  CfnUserPoolUserToGroupAttachment,
  FeaturePlan,
  Mfa,
  ClientAttributes,
  StringAttribute,
  UserPool,
  UserPoolEmail,
  VerificationEmailStyle,
  type UserPoolClient,
  type UserPoolGroup,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { roleDescriptions, roles, type Role } from '../../../shared/auth/roles';
import { verificationCodeTemplate } from '../../../shared/notifications/account-emails';
import type { ClientConfig } from '../../config/client-config';
import { acknowledge } from '../acknowledge';

const invitation: Record<ClientConfig['locale'], (appUrl: string, company: string) => { subject: string; body: string }> = {
  ru: (appUrl, company) => ({
    subject: `Доступ к CRM ${company}`,
    body: `Вам открыт доступ к CRM ${company}: ${appUrl}<br>Логин: {username}<br>Временный пароль: {####}<br>При первом входе задайте свой пароль.`,
  }),
  en: (appUrl, company) => ({
    subject: `Your access to the ${company} CRM`,
    body: `You now have access to the ${company} CRM: ${appUrl}<br>Login: {username}<br>Temporary password: {####}<br>You will choose your own password at first sign-in.`,
  }),
};

/**
 * Cognito: who may sign in. Users are invited by an admin (no self sign-up; the CRM mails its own
 * invitations), sign in with their email, may add a TOTP second factor, reset a forgotten
 * password with a code Cognito mails through SES, and belong to one group per role
 * (shared/auth/roles.ts); the groups reach the API in the JWT. The first admin is created here and
 * gets the temporary password by email from Cognito.
 */
export class UserDirectory extends Construct {
  readonly userPool: UserPool;
  readonly webClient: UserPoolClient;
  readonly groups: ReadonlyMap<Role, UserPoolGroup>;

  constructor(scope: Construct, id: string, props: { client: ClientConfig; appUrl: string; sesRegion: string }) {
    super(scope, id);
    const { client } = props;
    const message = invitation[client.locale](props.appUrl, client.displayName);
    const code = verificationCodeTemplate(client.locale, client.displayName);

    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      // A portal user's account (ACC-3): set by admins, read by the API from the ID token.
      customAttributes: { accountId: new StringAttribute({ minLen: 26, maxLen: 26, mutable: true }) },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(7),
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      userInvitation: { emailSubject: message.subject, emailBody: message.body },
      // Password-reset codes (ACC-5): Cognito's own flow, mailed from the client's address through SES.
      userVerification: { emailSubject: code.subject, emailBody: code.body, emailStyle: VerificationEmailStyle.CODE },
      email: UserPoolEmail.withSES({ fromEmail: client.senderEmail, fromName: client.displayName, sesRegion: props.sesRegion }),
      featurePlan: FeaturePlan.ESSENTIALS,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(
      this.userPool,
      'AwsSolutions-COG2',
      'MFA is optional (TOTP) by product decision: CRM users enrol a second factor themselves; an admin can require it per user.',
    );
    acknowledge(
      this.userPool,
      'AwsSolutions-COG8',
      'Threat protection needs the Plus feature plan, priced per MAU on top of Essentials; each client can switch it on when it wants it.',
    );

    const groups = new Map<Role, UserPoolGroup>();
    roles.forEach((role, precedence) => {
      // Lower precedence wins when a token carries one role claim: admin first.
      groups.set(role, this.userPool.addGroup(`group-${role}`, { groupName: role, description: roleDescriptions[role], precedence }));
    });
    this.groups = groups;

    this.webClient = this.userPool.addClient('WebClient', {
      // A browser app cannot keep a secret.
      generateSecret: false,
      // USER_PASSWORD_AUTH is the flow the local Cognito emulator supports; SRP for the cloud.
      authFlows: { userPassword: true, userSrp: true },
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      // Users may not write their own portal account: only admins set it (AdminUpdateUserAttributes).
      writeAttributes: new ClientAttributes().withStandardAttributes({ email: true, fullname: true }),
      readAttributes: new ClientAttributes().withStandardAttributes({ email: true, emailVerified: true, fullname: true }).withCustomAttributes('accountId'),
    });

    const admin = new CfnUserPoolUser(this, 'FirstAdmin', {
      userPoolId: this.userPool.userPoolId,
      username: client.adminEmail,
      userAttributes: [
        { name: 'email', value: client.adminEmail },
        { name: 'email_verified', value: 'true' },
      ],
      desiredDeliveryMediums: ['EMAIL'],
    });
    const adminGroup = groups.get('admin');
    if (!adminGroup) throw new Error('shared/auth/roles.ts must keep the admin role');
    const membership = new CfnUserPoolUserToGroupAttachment(this, 'FirstAdminIsAdmin', {
      userPoolId: this.userPool.userPoolId,
      groupName: adminGroup.groupName,
      username: client.adminEmail,
    });
    membership.node.addDependency(admin);
    membership.node.addDependency(adminGroup);
  }
}
