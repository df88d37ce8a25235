#pragma once

// Kubernetes name and label rules (k8s.io/apimachinery/pkg/util/validation), so a name
// that loads here is one a real cluster accepts.
//
// Each check returns empty when the text is valid, otherwise the reason in English.

#include <string>
#include <string_view>

namespace cnsim {

// RFC 1123 label: at most 63 of [a-z0-9-], starting and ending alphanumeric ("web-1").
std::string checkDns1123Label(std::string_view name);
// RFC 1123 subdomain: at most 253 characters, dot-separated labels ("api.shop-1").
std::string checkDns1123Subdomain(std::string_view name);
// RFC 1035 label (Service names): a DNS-1123 label that starts with a letter.
std::string checkDns1035Label(std::string_view name);
// Port name (IANA service name): a DNS-1123 label of at most 15 characters with a letter.
std::string checkPortName(std::string_view name);
// Label key: optional DNS subdomain prefix and '/', then a name of at most 63 characters
// of [A-Za-z0-9-_.] starting and ending alphanumeric ("app", "app.kubernetes.io/name").
std::string checkLabelKey(std::string_view key);
// Label value: empty, or at most 63 characters of [A-Za-z0-9-_.] starting and ending
// alphanumeric.
std::string checkLabelValue(std::string_view value);

} // namespace cnsim
