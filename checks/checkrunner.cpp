#include "checkrunner.h"
