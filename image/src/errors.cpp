#include "massho/image/errors.h"

namespace massho::image {

HeaderError::HeaderError(const std::string& what) : AgeError("age header: " + what) {}
HmacError::HmacError(const std::string& what) : AgeError("age header MAC: " + what) {}
PayloadError::PayloadError(const std::string& what) : AgeError("age payload: " + what) {}
NoIdentityMatchError::NoIdentityMatchError(const std::string& what) : AgeError("age: " + what) {}
ArmorError::ArmorError(const std::string& what) : AgeError("age armor: " + what) {}
KeyFormatError::KeyFormatError(const std::string& what) : AgeError("age key: " + what) {}
IoError::IoError(const std::string& what) : AgeError("age I/O: " + what) {}
CryptoError::CryptoError(const std::string& what) : AgeError("age crypto: " + what) {}

}  // namespace massho::image
