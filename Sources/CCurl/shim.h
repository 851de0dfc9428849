#ifndef KOERS_CCURL_SHIM_H
#define KOERS_CCURL_SHIM_H

#include <curl/curl.h>

/*
 * Swift cannot call the variadic curl_easy_setopt and curl_easy_getinfo.
 * One typed wrapper per argument type; libcurl reads the argument with the
 * matching va_arg type, so each option must go through the wrapper of its
 * documented type (long, pointer or string, curl_slist *, callback, curl_off_t).
 */

static inline CURLcode koers_curl_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

/* Strings are copied by libcurl (since 7.17.0); other pointers must stay valid. */
static inline CURLcode koers_curl_easy_setopt_pointer(CURL *handle, CURLoption option, const void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode koers_curl_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

/* libcurl does not copy the list: it must stay valid until the handle no longer uses it. */
static inline CURLcode koers_curl_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode koers_curl_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode koers_curl_easy_setopt_read_callback(CURL *handle, curl_read_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_READFUNCTION, callback);
}

static inline CURLcode koers_curl_easy_setopt_write_callback(CURL *handle, curl_write_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, callback);
}

/* Called about once a second while a transfer runs, and more often while data flows
 * (CURLOPT_NOPROGRESS must be 0); a non-zero return aborts with CURLE_ABORTED_BY_CALLBACK. */
static inline CURLcode koers_curl_easy_setopt_xferinfo_callback(CURL *handle, curl_xferinfo_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, callback);
}

static inline CURLcode koers_curl_easy_setopt_debug_callback(CURL *handle, curl_debug_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_DEBUGFUNCTION, callback);
}

static inline CURLcode koers_curl_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode koers_curl_easy_getinfo_socket(CURL *handle, CURLINFO info, curl_socket_t *value) {
    return curl_easy_getinfo(handle, info, value);
}

/* CURL_GLOBAL_ALL is a macro expression Swift does not import. */
static inline CURLcode koers_curl_global_init_all(void) {
    return curl_global_init(CURL_GLOBAL_ALL);
}

/* CURL_READFUNC_ABORT and CURL_ERROR_SIZE as typed values. */
static inline size_t koers_curl_readfunc_abort(void) {
    return CURL_READFUNC_ABORT;
}

static inline size_t koers_curl_error_size(void) {
    return CURL_ERROR_SIZE;
}

#endif /* KOERS_CCURL_SHIM_H */
