package dev.profileservice.crypto;

import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KmsClient;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.kms.KmsAsyncClient;

/**
 * Tink's {@link KmsClient} for {@code aws-kms://<key ARN>} URIs, on the AWS SDK v2 (Tink's
 * tink-awskms is built for SDK v1 only). Credentials and region come from the default provider
 * chain (IRSA on Kubernetes). Only used at startup, to open KMS-encrypted keysets.
 */
public final class AwsKmsClient implements KmsClient {

    static final String PREFIX = "aws-kms://";

    private final Supplier<KmsAsyncClient> kms;

    public AwsKmsClient(Supplier<KmsAsyncClient> kms) {
        this.kms = kms;
    }

    /** The client for prod: the SDK's default credentials and region chain, with the given (tracing) interceptors. */
    static AwsKmsClient defaultChain(List<ExecutionInterceptor> interceptors) {
        return new AwsKmsClient(() -> KmsAsyncClient.builder()
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
        try {
            return new AwsKmsAead(kms.get(), keyUri.substring(PREFIX.length()));
        } catch (SdkException e) {
            // e.g. no region or credentials: the SDK's text may name the environment, so keep only its kind
            throw new GeneralSecurityException("cannot create the AWS KMS client (" + e.getClass().getSimpleName() + ")");
        }
    }
}
