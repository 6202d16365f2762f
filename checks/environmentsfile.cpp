#include "environmentsfile.h"
