/** The KMS layer's public API: the Huawei Cloud KMS client, its credentials, errors and types. */
