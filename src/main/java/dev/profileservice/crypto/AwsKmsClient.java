package dev.profileservice.crypto;

import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KmsClient;

import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsAsyncClient;

/**
 * Tink's {@link KmsClient} for {@code aws-kms://<key ARN>} URIs, on the AWS SDK v2 (Tink's tink-awskms is
 * published for SDK v1 only: no 2.x on Maven Central). The region is the key ARN's own, never AWS_REGION, so a
 * key in another region is still reached; credentials come from the default provider chain (IRSA on
 * Kubernetes). Only used at startup, to open KMS-encrypted keysets; every client is closed after its call.
 */
public final class AwsKmsClient implements KmsClient {

    static final String PREFIX = "aws-kms://";

    /** A key ARN (not an alias: KMS answers with the key's ARN, which must match the configured one). */
    private static final Pattern KEY_ARN = Pattern.compile("arn:aws[a-z-]*:kms:(?<region>[a-z0-9-]+):\\d{12}:key/[\\w-]+");

    private final Function<Region, KmsAsyncClient> clients;

    /** {@code clients} makes a client for a region; the caller of each client closes it. */
    public AwsKmsClient(Function<Region, KmsAsyncClient> clients) {
        this.clients = clients;
    }

    /** The client for prod: the SDK's default credentials chain, in the key's region, with the given (tracing) interceptors. */
    static AwsKmsClient defaultChain(List<ExecutionInterceptor> interceptors) {
        return new AwsKmsClient(region -> KmsAsyncClient.builder().region(region)
                .overrideConfiguration(o -> o.executionInterceptors(interceptors)).build());
    }

    @Override
    public boolean doesSupport(String keyUri) {
        return keyUri != null && keyUri.toLowerCase(Locale.ROOT).startsWith(PREFIX);
    }

    @Override
    public KmsClient withCredentials(String credentialPath) throws GeneralSecurityException {
        throw new GeneralSecurityException("credentials come from the AWS default provider chain, not from a file");
    }

    @Override
    public KmsClient withDefaultCredentials() {
        return this;
    }

    @Override
    public Aead getAead(String keyUri) throws GeneralSecurityException {
        if (!doesSupport(keyUri)) {
            throw new GeneralSecurityException("not an aws-kms:// key URI");
        }
        String keyArn = keyUri.substring(PREFIX.length());
        Matcher arn = KEY_ARN.matcher(keyArn);
        if (!arn.matches()) {
            throw new GeneralSecurityException("the key URI must be aws-kms://arn:aws:kms:<region>:<account>:key/<id>");
        }
        return new AwsKmsAead(clients, Region.of(arn.group("region")), keyArn);
    }
}
