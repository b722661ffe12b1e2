#ifndef LOGCHECK_CYAML_SHIM_H
#define LOGCHECK_CYAML_SHIM_H
#include <yaml.h>
#endif
